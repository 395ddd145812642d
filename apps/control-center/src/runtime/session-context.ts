// The signed-in session, for pages that show or change it (the Sync page, sign out).
import { createContext, useContext } from 'react';
import type { Session } from '../session/session';

export interface SessionContextValue {
  session: Session;
  onSessionChange: (session: Session) => void;
  onSignOut: () => void;
}

export const SessionContext = createContext<SessionContextValue | null>(null);

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession() needs the Workspace around it');
  return value;
}
