// The names tiles are told apart by: a repeated file name gets its count, never a name another file already has.
import { describe, expect, it } from 'vitest';
import { distinctFileNames } from './attachment-tile';

describe('distinctFileNames', () => {
  it('keeps distinct names and counts a repeated one', () => {
    expect(distinctFileNames(['stain.jpg', 'door.jpg', 'stain.jpg', 'stain.jpg'])).toEqual([
      'stain.jpg',
      'door.jpg',
      'stain.jpg (2)',
      'stain.jpg (3)',
    ]);
  });

  it('never gives a repeated name one another file already has', () => {
    expect(distinctFileNames(['stain.jpg', 'stain.jpg (2)', 'stain.jpg'])).toEqual([
      'stain.jpg',
      'stain.jpg (2)',
      'stain.jpg (3)',
    ]);
  });
});
