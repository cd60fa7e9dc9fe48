import { broadcastResponseToMainFrame } from '@azure/msal-browser/redirect-bridge';

// The msal v5 popup lands here (same origin) and hands the sign-in response back to the tab.
void broadcastResponseToMainFrame();
