import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinstatsInsights } from './index';

conformance(coinstatsInsights, fixtures);
