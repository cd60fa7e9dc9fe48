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

export interface EvidenceStore {
  upload(folder: string, file: EvidenceFile, onProgress?: (progress: UploadProgress) => void): Promise<EvidenceRef>;
  download(driveItemId: string): Promise<Uint8Array>;
  /** The reference with the file's current version and content hash (links to other documents as they are). */
  fingerprint(evidence: EvidenceRef): Promise<EvidenceRef>;
}
