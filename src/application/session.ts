import type { Person, Role } from '../domain';
import type { DocumentFiles, DraftStore, EvidenceStore, PeopleDirectory, RecommendationStore } from './ports';
import type { UpdateDraft } from './update-draft';

/** Who is signed in and the stores their requests go to. */
export interface Session {
  user: Person & { role: Role };
  store: RecommendationStore;
  evidence: EvidenceStore;
  drafts: DraftStore<UpdateDraft>;
  documents: DocumentFiles;
  directory: PeopleDirectory;
  /** Largest evidence file accepted, in bytes (from configuration). */
  evidenceLimit: number;
  /** Today in the organisation's calendar, for RAG and due dates. */
  today: string;
}

export interface DirectoryPerson extends Person {
  role: Role;
  jobTitle?: string;
}
