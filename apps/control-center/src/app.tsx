// Chooses between the sign-in screen and the workspace of the signed-in tenant.
import { Toaster } from '@syncline/ui';
import { useState } from 'react';
import { Workspace } from './runtime/workspace';
import { clearSession, loadSession, type Session, saveSession } from './session/session';
import { SignIn } from './session/sign-in';

export function App() {
  const [session, setSession] = useState<Session | undefined>(loadSession);
  const signIn = (next: Session) => {
    saveSession(next);
    setSession(next);
  };
  const signOut = () => {
    clearSession();
    setSession(undefined);
  };
  return (
    <>
      {session ? (
        <Workspace
          key={`${session.serverUrl}|${session.tenant}`}
          session={session}
          onSessionChange={signIn}
          onSignOut={signOut}
        />
      ) : (
        <SignIn onSignIn={signIn} />
      )}
      <Toaster />
    </>
  );
}
