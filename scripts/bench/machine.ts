import { cpus, loadavg, totalmem, type } from 'node:os';

export interface Machine {
  cpu: string;
  cores: number;
  memory_gb: number;
  os: string;
  node: string;
  load_avg_1m: number;
}

/** What the figures were measured on: printed by every benchmark and copied into docs/performance.md. */
export function describeMachine(): Machine {
  const list = cpus();
  return {
    cpu: list[0]?.model.trim() ?? 'sconosciuta',
    cores: list.length,
    memory_gb: Math.round((totalmem() / 1024 ** 3) * 10) / 10,
    os: `${type()} ${process.arch}`,
    node: process.version,
    // Other work on the machine during a run shows up here (and in the figures).
    load_avg_1m: Math.round((loadavg()[0] ?? 0) * 100) / 100,
  };
}

export function formatMachine(m: Machine): string {
  return `macchina: ${m.cpu}, ${m.cores} core, ${m.memory_gb} GB, ${m.os}, Node ${m.node}, carico medio 1 min ${m.load_avg_1m}`;
}
