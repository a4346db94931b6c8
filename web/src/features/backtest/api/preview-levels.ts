import { useMutation } from '@tanstack/react-query';
import { LevelPreview, type LevelChoice } from '@primm/shared/contracts/backtest';
import { api } from '../../../lib/api-client';

/** A read with a body (the choice): nothing is written, the server counts from stored results. */
export const previewLevels = (choice: LevelChoice) => api.post('/risk/levels/preview', choice, LevelPreview);

export const usePreviewLevels = () => useMutation({ mutationFn: previewLevels });
