// Starts GOV.UK Frontend's components (skip link, header menu, error summary and the rest) on the page.
import { initAll } from '/lib/govuk/govuk-frontend.min.js';

initAll();
