import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptoCom } from './index';

conformance(cryptoCom, fixtures);
