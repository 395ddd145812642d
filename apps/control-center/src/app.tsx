// Chooses between the sign-in screen and the workspace of the signed-in tenant. The workspace (the data layer,
// the shell and its pages) is its own chunk: the sign-in screen loads none of it.
import { Toaster } from '@syncline/ui';
import { lazy, Suspense, useState } from 'react';
import { focusHeadingAfterSignIn } from './lib/heading-focus';
import { OpeningWorkspace } from './runtime/opening-workspace';
import { clearSession, loadSession, type Session, saveSession } from './session/session';
import { SignIn } from './session/sign-in';

const Workspace = lazy(() => import('./runtime/workspace').then((module) => ({ default: module.Workspace })));

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
        <Suspense fallback={<OpeningWorkspace tenantName={session.tenantName} />}>
          <Workspace
            key={`${session.serverUrl}|${session.tenant}`}
            session={session}
            onSessionChange={signIn}
            onSignOut={signOut}
          />
        </Suspense>
      ) : (
        <SignIn
          onSignIn={(next) => {
            focusHeadingAfterSignIn();
            signIn(next);
          }}
        />
      )}
      <Toaster />
    </>
  );
}
