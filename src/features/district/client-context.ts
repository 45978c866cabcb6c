import { createContext, useContext } from 'react';
import { createAdminClient, type AdminClient } from './admin-client.ts';

/**
 * The admin client the district pages use. The real one talks to the server the page came from;
 * component tests give the page a client over a scripted fetch, since jsdom has no server.
 */
export const AdminClientContext = createContext<AdminClient>(createAdminClient());

export const useAdminClient = (): AdminClient => useContext(AdminClientContext);
