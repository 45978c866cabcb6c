import type { NameProblem, PinProblem } from './pin-rules.ts';
import type { UsersMessages } from './messages.ts';

export function pinProblemText(problem: PinProblem, m: UsersMessages): string {
  switch (problem.code) {
    case 'pin-empty':
      return m.errors.pinEmpty;
    case 'pin-digits':
      return m.errors.pinDigits;
    case 'pin-length':
      return m.errors.pinLength(problem.length);
  }
}

export function nameProblemText(problem: NameProblem, m: UsersMessages): string {
  switch (problem) {
    case 'name-empty':
      return m.errors.nameEmpty;
    case 'name-long':
      return m.errors.nameLong;
  }
}
