// The critical-alarm tone, with Web Audio: two short high beeps, quiet enough not to startle. Browsers let a page
// sound only after the person has interacted with it; before that the tone is skipped, never queued.

let context: AudioContext | undefined;

/** Plays the tone once; does nothing where Web Audio is missing or not yet allowed. */
export function playAlarmTone(): void {
  if (typeof AudioContext !== 'function') return;
  context ??= new AudioContext();
  const audio = context;
  const start = () => {
    const at = audio.currentTime;
    for (const offset of [0, 0.22]) {
      const oscillator = audio.createOscillator();
      const gain = audio.createGain();
      oscillator.type = 'sine';
      oscillator.frequency.value = 880;
      gain.gain.setValueAtTime(0.0001, at + offset);
      gain.gain.exponentialRampToValueAtTime(0.2, at + offset + 0.02);
      gain.gain.exponentialRampToValueAtTime(0.0001, at + offset + 0.16);
      oscillator.connect(gain).connect(audio.destination);
      oscillator.start(at + offset);
      oscillator.stop(at + offset + 0.18);
    }
  };
  if (audio.state === 'running') start();
  else void audio.resume().then(start, () => {});
}
