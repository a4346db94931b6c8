import type { Municipality } from './reference.ts';
import { type Rng, WeightedTable } from './random.ts';
import { OTHER_ITALIAN_BIRTHPLACES } from './names.ts';

export interface Place {
  name: string;
  code: string;
}

/** Municipalities of the Marche as lookup tables for residence and birthplace. */
export class Geography {
  readonly byCadastral: Map<string, Municipality>;
  private readonly residence = new Map<string, WeightedTable<Municipality>>();
  private readonly births = new Map<string, WeightedTable<Municipality>>();
  private readonly regionResidence: WeightedTable<Municipality>;
  private readonly regionBirths: WeightedTable<Municipality>;
  private readonly otherItalian = new WeightedTable(OTHER_ITALIAN_BIRTHPLACES, (p) => p.weight);

  constructor(readonly municipalities: Municipality[]) {
    this.byCadastral = new Map(municipalities.map((m) => [m.cadastral, m]));
    // Births happen where the hospitals are, in the larger towns: weight grows faster than population.
    const birthWeight = (m: Municipality) => Math.pow(m.population, 1.4);
    this.regionResidence = new WeightedTable(municipalities, (m) => m.population);
    this.regionBirths = new WeightedTable(municipalities, birthWeight);
    for (const p of ['AN', 'AP', 'FM', 'MC', 'PU']) {
      const inProvince = municipalities.filter((m) => m.province === p);
      this.residence.set(p, new WeightedTable(inProvince, (m) => m.population));
      this.births.set(p, new WeightedTable(inProvince, birthWeight));
    }
  }

  /**
   * ISTAT code of the municipality of residence: mostly the school's own municipality (lower
   * secondary pupils above all), else the province, rarely elsewhere in the region.
   */
  residenceIstat(rng: Rng, cadastral: string, province: string, lowerSecondary: boolean): string {
    const own = this.byCadastral.get(cadastral);
    const x = rng.float();
    if (own && x < (lowerSecondary ? 0.8 : 0.45)) return own.istat;
    const table = x < (lowerSecondary ? 0.97 : 0.93) ? this.residence.get(province) : undefined;
    return (table ?? this.regionResidence).pick(rng).istat;
  }

  /** An Italian birthplace: a Marche hospital town, mostly in the province, sometimes another Italian city. */
  italianBirthplace(rng: Rng, province: string): Place {
    const x = rng.float();
    if (x < 0.1) {
      const p = this.otherItalian.pick(rng);
      return { name: p.name, code: p.cadastral };
    }
    const table = x < 0.8 ? this.births.get(province) : undefined;
    const m = (table ?? this.regionBirths).pick(rng);
    return { name: m.name.toUpperCase(), code: m.cadastral };
  }
}
