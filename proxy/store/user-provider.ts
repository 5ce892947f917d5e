import type { z } from 'zod';
import { NewUserProvider } from '../../shared/api/rest';

/** A provider added at run time, as the store keeps it: the API's own schema (shared/api/rest.ts). */
export const UserProviderSpec = NewUserProvider;
export type UserProviderSpec = z.infer<typeof UserProviderSpec>;
