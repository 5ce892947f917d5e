import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptopotato } from './index';

conformance(cryptopotato, fixtures);
