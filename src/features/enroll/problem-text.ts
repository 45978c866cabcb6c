import type { CodeProblem, DeviceNameProblem, ServerProblem } from './enrollment-input.ts';
import type { EnrollMessages } from './messages.ts';

export function codeProblemText(problem: CodeProblem, m: EnrollMessages): string {
  switch (problem.code) {
    case 'code-empty':
      return m.errors.codeEmpty;
    case 'code-characters':
      return m.errors.codeCharacters;
    case 'code-short':
      return m.errors.codeShort(problem.length);
    case 'code-long':
      return m.errors.codeLong(problem.length);
  }
}

export function serverProblemText(problem: ServerProblem, m: EnrollMessages): string {
  switch (problem) {
    case 'server-empty':
      return m.errors.serverEmpty;
    case 'server-invalid':
      return m.errors.serverInvalid;
  }
}

export function deviceNameProblemText(problem: DeviceNameProblem, m: EnrollMessages): string {
  switch (problem) {
    case 'device-name-empty':
      return m.errors.deviceNameEmpty;
    case 'device-name-long':
      return m.errors.deviceNameLong;
  }
}
