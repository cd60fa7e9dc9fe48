import { ResponseType } from '@microsoft/microsoft-graph-client';
import { z } from 'zod';
import type { EvidenceRef } from '../../domain';
import type { EvidenceFile, EvidenceStore, UploadedEvidence, UploadProgress } from '../../application/ports';
import { retrying, RetryLater, waitForRetryAfter } from '../../application/shared/retry';
import type { GraphConnection } from './graph-client';
import { lists } from './list-schema';

/** Graph's simple upload takes up to 4 MB; larger files go through an upload session. */
export const simpleUploadMax = 4 * 1024 * 1024;
/** Upload session fragments must be multiples of 320 KiB. */
const fragmentSize = 10 * 320 * 1024;
const maxFragmentAttempts = 5;

const driveItemSchema = z.object({ id: z.string(), name: z.string(), webUrl: z.string(), size: z.number().optional() });
const sessionSchema = z.object({ uploadUrl: z.string().url() });
const hashesSchema = z.object({ file: z.object({ hashes: z.object({ quickXorHash: z.string() }) }) });
const versionsSchema = z.object({ value: z.array(z.object({ id: z.string() })).min(1) });
const sessionStateSchema = z.object({ nextExpectedRanges: z.array(z.string()).optional() });

export class EvidenceTooLargeError extends Error {
  constructor(
    readonly size: number,
    readonly limit: number,
  ) {
    super(`The file is ${(size / 1048576).toFixed(1)} MB; evidence files can be at most ${(limit / 1048576).toFixed(0)} MB`);
    this.name = 'EvidenceTooLargeError';
  }
}

const safeName = (name: string): string => name.replace(/["*:<>?\\|/#%]+/g, '_').trim() || 'evidence';

/** Evidence files in the SharePoint document library, through Graph. */
export class GraphEvidenceStore implements EvidenceStore {
  private driveId: Promise<string> | undefined;

  constructor(
    private readonly graph: GraphConnection,
    private readonly siteId: string,
    private readonly maxBytes: number = 100 * 1024 * 1024,
  ) {}

  private drive(): Promise<string> {
    this.driveId ??= this.graph.client
      .api(`/sites/${this.siteId}/lists/${lists.evidence.title}/drive?$select=id`)
      .get()
      .then((body: unknown) => z.object({ id: z.string() }).parse(body).id);
    return this.driveId;
  }

  async upload(folder: string, file: EvidenceFile, onProgress?: (progress: UploadProgress) => void): Promise<UploadedEvidence> {
    const total = file.bytes.byteLength;
    if (total > this.maxBytes) throw new EvidenceTooLargeError(total, this.maxBytes);
    const path = `${folder.split('/').map(safeName).join('/')}/${safeName(file.name)}`;
    const driveId = await this.drive();
    const item =
      total <= simpleUploadMax
        ? driveItemSchema.parse(
            await this.graph.client
              // Never over another file: owners may add evidence, not replace it (SharePoint refuses them that too).
              .api(`/drives/${driveId}/root:/${encodeURI(path)}:/content?@microsoft.graph.conflictBehavior=rename`)
              .header('Content-Type', file.type || 'application/octet-stream')
              // A Blob is sent as it is in the browser and in Node; typed arrays are not.
              .put(new Blob([file.bytes as Uint8Array<ArrayBuffer>], { type: file.type || 'application/octet-stream' })),
          )
        : await this.uploadInSession(driveId, path, file.bytes, onProgress);
    onProgress?.({ sent: total, total });
    return { kind: 'file', name: file.name, url: item.webUrl, driveItemId: item.id, size: total };
  }

  private async uploadInSession(
    driveId: string,
    path: string,
    bytes: Uint8Array,
    onProgress?: (progress: UploadProgress) => void,
  ): Promise<z.infer<typeof driveItemSchema>> {
    const { uploadUrl } = sessionSchema.parse(
      await this.graph.client
        .api(`/drives/${driveId}/root:/${encodeURI(path)}:/createUploadSession`)
        .post({ item: { '@microsoft.graph.conflictBehavior': 'rename' } }),
    );
    const total = bytes.byteLength;
    let start = 0;
    // Each fragment from where the session expects it; the last one's answer is the file.
    const sendFragment = async (attempt: number): Promise<Response> => {
      const end = Math.min(start + fragmentSize, total) - 1;
      // The upload URL is pre-authorised: sending our bearer token to it is refused by Graph.
      const response = await fetch(uploadUrl, {
        method: 'PUT',
        headers: { 'Content-Range': `bytes ${start}-${end}/${total}` },
        body: bytes.slice(start, end + 1),
      }).catch(() => undefined);
      if (response && [200, 201, 202].includes(response.status)) return response;
      // After a failed or lost answer, ask the session where to carry on rather than resend blindly.
      const state = await fetch(uploadUrl)
        .then(async (r) => (r.ok ? sessionStateSchema.parse(await r.json()) : undefined))
        .catch(() => undefined);
      const next = Number(state?.nextExpectedRanges?.[0]?.split('-')[0]);
      if (Number.isInteger(next)) start = next;
      throw new RetryLater(`Uploading the file failed (${response?.status ?? 'network error'}); try again`, 0.2 * attempt);
    };
    for (;;) {
      const response = await retrying(sendFragment, waitForRetryAfter(maxFragmentAttempts));
      if (response.status !== 202) return driveItemSchema.parse(await response.json());
      start = Math.min(start + fragmentSize, total);
      onProgress?.({ sent: start, total });
    }
  }

  async fingerprint(evidence: EvidenceRef): Promise<EvidenceRef> {
    if (!evidence.driveItemId) return evidence;
    const item = `/drives/${await this.drive()}/items/${evidence.driveItemId}`;
    const [file, versions] = await Promise.all([
      this.graph.client.api(`${item}?$select=id,file`).get() as Promise<unknown>,
      this.graph.client.api(`${item}/versions`).get() as Promise<unknown>,
    ]);
    // SharePoint lists the current version first.
    return { ...evidence, hash: hashesSchema.parse(file).file.hashes.quickXorHash, version: versionsSchema.parse(versions).value[0]?.id };
  }

  async download(driveItemId: string): Promise<Uint8Array> {
    const driveId = await this.drive();
    const body: unknown = await this.graph.client.api(`/drives/${driveId}/items/${driveItemId}/content`).responseType(ResponseType.ARRAYBUFFER).get();
    return new Uint8Array(body as ArrayBuffer);
  }
}
