// What to do when the result cannot be written. A reader that closed the pipe early (`| head -c 10`)
// has all it wanted, so the command ends quietly; a full disk (`> /dev/full`) or any other failure is
// reported in one line instead of Node's stack trace.

export interface WriteFailure {
  message: string | null; // for stderr; null when nothing needs saying
  exitCode: number;
}

export function describeWriteFailure(error: NodeJS.ErrnoException): WriteFailure {
  if (error.code === 'EPIPE') return { message: null, exitCode: 0 };
  if (error.code === 'ENOSPC') return { message: 'could not write the output: no space left on the device (ENOSPC)', exitCode: 1 };
  return { message: `could not write the output: ${error.message}`, exitCode: 1 };
}
