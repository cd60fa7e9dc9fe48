import { addDays } from '../../domain';
import type { PaperData, RecommendationStore } from '../ports';

/** Updates older than this cannot belong to the paper's cycle or its context. */
const updateWindowDays = 400;

/** Reads what papers, the register and the reminders are compiled from: one batch. */
export const loadPaperData = (store: RecommendationStore, today: string): Promise<PaperData> => store.paperData(addDays(today, -updateWindowDays));
