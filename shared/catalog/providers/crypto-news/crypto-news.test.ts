import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { cryptoNews } from './index';

conformance(cryptoNews, fixtures);
