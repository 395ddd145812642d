'use client';
// Tells a person the moment a conflict needs them: a toast "1 conflict needs review" naming the document, with
// "Review" opening it. Conflicts already open when it mounts were announced by the status; only new ones raise it,
// and several arriving together share one toast. Renders nothing itself (mount the kit's <Toaster /> once).
import { useConflicts } from '@syncline/data';
import { useEffect, useRef, useState } from 'react';
import { toast } from '../components/toast/toast';
import { needsReviewText } from '../sync/sync-status-widget/sync-phase';
import { type DescribeDocument, describeDocument } from './describe-document';
import { conflictLabel } from './sync-records';

export interface ConnectedConflictToastProps {
  /** Open the review of a conflict (the newest of those just arrived). */
  onReview: (conflictId: string) => void;
  /** Names each conflicting document (default: its title, name or number, see `describeDocument`). */
  describe?: DescribeDocument;
}

const toastId = 'syncline-conflicts';

export function ConnectedConflictToast({ onReview, describe = describeDocument }: ConnectedConflictToastProps) {
  const conflicts = useConflicts();
  const [mountedAt] = useState(Date.now);
  const announced = useRef(new Set<string>());
  // the latest callbacks, so a new closure from the parent does not raise the toast again
  const latest = useRef({ onReview, describe });
  latest.current = { onReview, describe };

  useEffect(() => {
    const arrived = conflicts.filter((record) => record.detectedAt >= mountedAt && !announced.current.has(record.id));
    if (arrived.length === 0) return;
    for (const record of arrived) announced.current.add(record.id);
    const newest = arrived[arrived.length - 1];
    if (!newest) return;
    toast(needsReviewText(arrived.length), {
      id: toastId,
      description: arrived.map((record) => conflictLabel(record, latest.current.describe)).join(', '),
      duration: 15_000,
      action: { label: 'Review', onClick: () => latest.current.onReview(newest.id) },
    });
  }, [conflicts, mountedAt]);

  return null;
}
