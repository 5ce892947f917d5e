import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptoslate } from './index';

conformance(cryptoslate, fixtures);
