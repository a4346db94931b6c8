import type { TFunction } from 'i18next';
import { wordMessage } from '@primm/shared/risk/message';
import type { ExplanationMessage } from '@primm/shared/contracts/risk';
import type { z } from 'zod';

type Params = z.infer<typeof ExplanationMessage>['params'];

/**
 * An explanation of the risk engine (message key and parameters, shared/src/risk/message.ts) in
 * the reader's language: nested phrases first (each with its own plural), then the sentence.
 */
export function wordExplanation(t: TFunction, key: string, params: Params): string {
  return wordMessage({ key, params }, (k, p) => t(k, p) as string);
}
