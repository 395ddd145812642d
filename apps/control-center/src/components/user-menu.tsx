// The signed-in person in the header: who they are, their role and shop, a way to Settings and to sign out.
import { roleOfToken } from '@syncline/data';
import {
  Avatar,
  AvatarFallback,
  Button,
  DropdownMenu,
  DropdownMenuContent,
  DropdownMenuItem,
  DropdownMenuLabel,
  DropdownMenuSeparator,
  DropdownMenuTrigger,
} from '@syncline/ui';
import { LogOutIcon, SettingsIcon } from 'lucide-react';
import { useNavigate } from 'react-router';
import { useSession } from '../runtime/session-context';

/** Up to two initials from a name or an e-mail address ("ada.almeida@…" gives "AA"). */
export function initialsOf(name: string): string {
  const words =
    name
      .split('@')[0]
      ?.split(/[\s._-]+/)
      .filter(Boolean) ?? [];
  return (
    words
      .slice(0, 2)
      .map((word) => word[0]?.toUpperCase())
      .join('') || '?'
  );
}

export function UserMenu() {
  const { session, onSignOut } = useSession();
  const role = roleOfToken(session.token);
  const navigate = useNavigate();
  return (
    <DropdownMenu>
      <DropdownMenuTrigger asChild>
        <Button variant="ghost" size="icon" aria-label={`Account: ${session.user}`} className="rounded-full">
          <Avatar size="sm">
            <AvatarFallback aria-hidden="true">{initialsOf(session.user)}</AvatarFallback>
          </Avatar>
        </Button>
      </DropdownMenuTrigger>
      <DropdownMenuContent align="end" className="min-w-56">
        <DropdownMenuLabel className="flex flex-col gap-0.5">
          <span className="truncate font-medium">{session.user}</span>
          <span className="font-normal text-foreground-muted text-xs">
            {role ? <span className="capitalize">{role}</span> : 'No role'} · {session.tenantName}
          </span>
        </DropdownMenuLabel>
        <DropdownMenuSeparator />
        <DropdownMenuItem onSelect={() => navigate('/settings')}>
          <SettingsIcon aria-hidden="true" />
          Settings
        </DropdownMenuItem>
        <DropdownMenuItem onSelect={onSignOut}>
          <LogOutIcon aria-hidden="true" />
          Sign out
        </DropdownMenuItem>
      </DropdownMenuContent>
    </DropdownMenu>
  );
}
