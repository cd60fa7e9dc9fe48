import type { EvidenceRef } from '../../domain';

export interface UploadProgress {
  sent: number;
  total: number;
}

export interface EvidenceFile {
  name: string;
  type: string;
  bytes: Uint8Array;
}

/** A file in the evidence library: always a link to it and its library item. */
export type UploadedEvidence = EvidenceRef & { kind: 'file'; url: string; driveItemId: string };

export interface EvidenceStore {
  upload(folder: string, file: EvidenceFile, onProgress?: (progress: UploadProgress) => void): Promise<UploadedEvidence>;
  download(driveItemId: string): Promise<Uint8Array>;
  /** The reference with the file's current version and content hash (links and described evidence as they are). */
  fingerprint(evidence: EvidenceRef): Promise<EvidenceRef>;
}
