/**
 * An explanation as a message key with parameters, so each language words it: the web with
 * i18next (`t`), the server's CSV and print with the Italian renderer (`render-italian.ts`), from
 * the same templates (`explain-it.ts`, mirrored in web/src/locales/features/explain.*.json).
 *
 * Parameters are raw values (shares as 0–1, dates ISO, grades 0–10); the template names their
 * format (`{{rate, percent}}`). A parameter may itself be a message (a phrase with its own plural,
 * e.g. `{ key: 'explain.unit.hour', params: { count: 3 } }` → "3 ore") or a list of messages
 * (joined with ", "), so one sentence can hold several plurals: i18next has one `count` per key.
 */
export type MessageParam = string | number | boolean | null | Message | Message[];

export interface Message {
  key: string;
  params: Record<string, MessageParam>;
}

export const message = (key: string, params: Record<string, MessageParam> = {}): Message => ({ key, params });

export function isMessage(value: unknown): value is Message {
  return (
    typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Message).key === 'string'
  );
}

/** Words a message with a translator (i18next's `t`, or the Italian renderer's): nested messages first. */
export function wordMessage(m: Message, translate: (key: string, params: Record<string, unknown>) => string): string {
  const params: Record<string, unknown> = {};
  for (const [name, value] of Object.entries(m.params)) {
    params[name] = isMessage(value)
      ? wordMessage(value, translate)
      : Array.isArray(value)
        ? value.map((v) => wordMessage(v, translate)).join(', ')
        : value;
  }
  return translate(m.key, params);
}
