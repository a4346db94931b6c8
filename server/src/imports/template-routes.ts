import { Router } from 'express';
import { z } from 'zod';
import { SCHOOL_FILE_NAMES, templateCsv } from '@primm/shared/import-format/school-files';
import { requireRole } from '../http/authenticate';

const TemplateParam = z.object({ file: z.enum(SCHOOL_FILE_NAMES as [string, ...string[]]) });

/**
 * A template per file of a school folder, to fill in: the header and one example row, written
 * from the columns the importer reads. Named as the folder wants it (`studenti.csv`), so a school
 * saves it straight into its folder. Nothing about any student: no audit line.
 */
export function importTemplateRoutes(): Router {
  const router = Router();
  router.get('/imports/templates/:file', requireRole('admin', 'referente'), (req, res) => {
    const { file } = TemplateParam.parse(req.params);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader('Content-Disposition', `attachment; filename="${file}"`);
    res.send(templateCsv(file as (typeof SCHOOL_FILE_NAMES)[number]));
  });
  return router;
}
