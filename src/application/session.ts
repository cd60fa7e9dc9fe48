import type { Person, Role } from '../domain';
import type { EvidenceStore, RecommendationStore } from './ports';

/** Who is signed in and the stores their requests go to. */
export interface Session {
  user: Person & { role: Role };
  store: RecommendationStore;
  evidence: EvidenceStore;
  /** Today in the organisation's calendar, for RAG and due dates. */
  today: string;
}

export interface DirectoryPerson extends Person {
  role: Role;
  jobTitle?: string;
}
