// A multi-line text field that grows with its content.
import { cn } from '../../lib/cn';
import { inputClasses } from '../input/input';

export function Textarea({ className, ...props }: React.ComponentProps<'textarea'>) {
  return (
    <textarea
      data-slot="textarea"
      className={cn(inputClasses, 'field-sizing-content min-h-20 py-2', className)}
      {...props}
    />
  );
}
