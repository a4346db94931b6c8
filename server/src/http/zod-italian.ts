import { z } from 'zod';

// Validation messages in Italian, the users' language (the error envelope's `details`).
z.config(z.locales.it());
