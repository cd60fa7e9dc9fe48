import type { meeting } from '@microsoft/teams-js';
import type { MeetingStageSharing } from '../../application/ports';

/** The part of teams-js `meeting` that shares to the stage, so the side panel can be driven by a Teams-like host. */
export type TeamsMeeting = Pick<typeof meeting, 'shareAppContentToStage' | 'getAppContentStageSharingState' | 'getAppContentStageSharingCapabilities'>;

const failure = (error: { errorCode: number; message?: string }): Error =>
  new Error(error.message ? `Teams did not share to the stage: ${error.message}` : `Teams did not share to the stage (error ${error.errorCode})`);

/**
 * teams-js answers these through callbacks whose first argument is an error; here they are promises. teams-js is
 * loaded on first use, so a tab outside a meeting never waits for it.
 */
export function meetingStageSharing(load: () => Promise<TeamsMeeting>): MeetingStageSharing {
  return {
    canShare: async () => {
      const teams = await load();
      return new Promise((resolve) =>
        teams.getAppContentStageSharingCapabilities((error, result) => resolve(!error && result?.doesAppHaveSharePermission === true)),
      );
    },
    isSharing: async () => {
      const teams = await load();
      return new Promise((resolve) => teams.getAppContentStageSharingState((error, result) => resolve(!error && result?.isAppSharing === true)));
    },
    share: async (url) => {
      const teams = await load();
      return new Promise((resolve, reject) =>
        teams.shareAppContentToStage((error, shared) => (error ? reject(failure(error)) : shared ? resolve() : reject(failure({ errorCode: 0 }))), url),
      );
    },
  };
}
