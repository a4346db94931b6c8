import { auditHandlers } from './audit';
import { authHandlers } from './auth';
import { classesHandlers } from './classes';
import { importsHandlers } from './imports';
import { regionsHandlers } from './regions';
import { schoolsHandlers } from './schools';
import { usersHandlers } from './users';

export const handlers = [...authHandlers, ...regionsHandlers, ...schoolsHandlers, ...classesHandlers, ...usersHandlers, ...auditHandlers, ...importsHandlers];
