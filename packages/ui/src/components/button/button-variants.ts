// The button's look as classes, apart from the component: a view that must not load tailwind-merge (the status
// widget's closed pill) styles its own <button> with them, and the component merges them with a caller's classes.
import { cva } from 'class-variance-authority';

export const buttonVariants = cva(
  [
    'relative inline-flex shrink-0 cursor-pointer items-center justify-center gap-2 whitespace-nowrap rounded-md font-medium text-sm',
    'transition-[color,background-color,border-color,translate] duration-fast ease-standard outline-none select-none',
    'focus-visible:ring-2 focus-visible:ring-ring focus-visible:ring-offset-2 focus-visible:ring-offset-background',
    'disabled:pointer-events-none disabled:opacity-50 aria-disabled:pointer-events-none aria-disabled:opacity-50',
    "[&_svg]:pointer-events-none [&_svg]:shrink-0 [&_svg:not([class*='size-'])]:size-4",
  ],
  {
    variants: {
      variant: {
        // Tactile: the primary call glows on hover and keyboard focus and sinks when pressed (no movement under
        // reduced motion); shadows are the tokens' glow-* and pressed, so both themes get their own.
        primary: [
          'bg-primary text-primary-foreground shadow-sm hover:bg-primary-hover hover:shadow-glow-primary',
          'focus-visible:shadow-glow-primary active:translate-y-px active:shadow-pressed motion-reduce:active:translate-y-0',
        ],
        secondary: 'bg-secondary text-secondary-foreground shadow-sm hover:bg-accent hover:text-accent-foreground',
        outline: 'border border-border-strong bg-surface text-foreground hover:bg-accent hover:text-accent-foreground',
        ghost: 'text-foreground hover:bg-accent hover:text-accent-foreground',
        danger: [
          'bg-error text-error-foreground shadow-sm hover:bg-error/90 hover:shadow-glow-error',
          'focus-visible:shadow-glow-error active:translate-y-px active:shadow-pressed motion-reduce:active:translate-y-0',
        ],
        link: 'text-primary-text underline-offset-4 hover:underline',
      },
      size: {
        /** A compact command beside content it acts on: an alarm's Acknowledge, a row's action. */
        xs: 'h-7 px-2 text-xs',
        sm: 'h-8 px-3 text-xs',
        md: 'h-9 px-4',
        lg: 'h-11 px-6 text-base',
        icon: 'size-9',
        /** A command inside a line of text or a pill, e.g. the status widget's Retry. */
        inline: 'h-6 px-1 text-xs',
      },
    },
    defaultVariants: { variant: 'primary', size: 'md' },
  },
);
