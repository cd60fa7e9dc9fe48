import { FluentProvider, teamsLightTheme } from '@fluentui/react-components';
import { render } from '@testing-library/react';
import type { ReactElement } from 'react';
import { LocalDraftStore } from '../../src/adapters/browser/local-draft-store';
import { documentFiles } from '../../src/adapters/documents/document-files';
import { teamChannel } from '../../src/adapters/graph/graph-channel-notifier';
import { GraphDirectory } from '../../src/adapters/graph/graph-directory';
import { GraphEvidenceStore } from '../../src/adapters/graph/graph-evidence-store';
import { GraphReminderLog } from '../../src/adapters/graph/graph-reminder-log';
import { GraphReminderPreferences } from '../../src/adapters/graph/graph-reminder-preferences';
import { reminderLinks } from '../../src/application/reminders/reminder-links';
import type { Session } from '../../src/application/ports';
import { updateDraftSchema } from '../../src/application/owner/update-draft';
import type { Person, Role } from '../../src/domain';
import { SessionContext } from '../../src/features/shared/session-context';
import type { JobContext } from '../../src/jobs/job-context';

/** A tab session wired to the real Graph adapters of a job context (an emulator), as the tab wires them. */
export function screenSession(context: JobContext, user: Person & { role: Role }, overrides: Partial<Session> = {}): Session {
  return {
    user,
    store: context.store,
    evidence: new GraphEvidenceStore(context.graph, 'root'),
    drafts: new LocalDraftStore(updateDraftSchema),
    documents: documentFiles,
    directory: new GraphDirectory(context.graph),
    channel: () => teamChannel(context.graph),
    reminderLog: new GraphReminderLog(context.gateway),
    reminderPreferences: new GraphReminderPreferences(context.gateway),
    links: reminderLinks({ appUrl: 'http://localhost' }),
    openLink: () => undefined,
    locale: 'en-GB',
    evidenceLimit: 1024 * 1024,
    today: '2025-05-20',
    targetReading: {},
    ...overrides,
  };
}

/** Renders a screen inside the providers the shell gives it. */
export function renderScreen(session: Session, screen: ReactElement) {
  return render(
    <FluentProvider theme={teamsLightTheme}>
      <SessionContext.Provider value={session}>{screen}</SessionContext.Provider>
    </FluentProvider>,
  );
}
