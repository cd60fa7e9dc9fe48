/** Sharing to a Teams meeting's stage: what everyone in the meeting sees. */
export interface MeetingStageSharing {
  /** Whether this person may share the app to the stage (the manifest's meetingStage context, and a presenter's role). */
  canShare(): Promise<boolean>;
  isSharing(): Promise<boolean>;
  /** Shares a page of the app to the stage; refused with the host's reason. */
  share(url: string): Promise<void>;
}

/** Where in a Teams meeting the tab is shown: the side panel, the shared stage, or a tab in the meeting's chat or details. */
export type MeetingSurface = 'sidePanel' | 'stage' | 'tab';

/** The Teams meeting a tab is opened in: the chat that keys its panel meeting, the surface, and its stage. */
export interface MeetingHost {
  chatId: string;
  surface: MeetingSurface;
  stage: MeetingStageSharing;
  /** The page the side panel shares to the stage. */
  stageUrl: string;
}
