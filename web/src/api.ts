/** The API client the workbench uses: same origin as the page. */
import { createClient } from '../../src/api/client.js';

export const api = createClient();
