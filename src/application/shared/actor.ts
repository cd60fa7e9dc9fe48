import type { Person, Role } from '../../domain';
import { ForbiddenError } from '../ports';

/** Who is doing something: a person with the role the organisation gave them. */
export interface Actor extends Person {
  role: Role;
}

/** Refuses the work unless the actor is the audit coordinator; the lists enforce the same in SharePoint. */
export function requireCoordinator(actor: Actor, doing: string): void {
  if (actor.role !== 'coordinator') throw new ForbiddenError(`Only the audit coordinator ${doing}`);
}
