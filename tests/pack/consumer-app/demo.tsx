// What a product team's screen looks like: the kit's root entry and a component subpath, nothing else.
import { Button } from '@syncline/ui';
import { Dialog, DialogContent, DialogDescription, DialogTitle, DialogTrigger } from '@syncline/ui/dialog';

export function Demo() {
  return (
    <main>
      <Dialog>
        <DialogTrigger asChild>
          <Button>Open the dialog</Button>
        </DialogTrigger>
        <DialogContent>
          <DialogTitle>Installed from a tarball</DialogTitle>
          <DialogDescription>Styled by the Syncline tokens, outside the workspace.</DialogDescription>
        </DialogContent>
      </Dialog>
    </main>
  );
}
