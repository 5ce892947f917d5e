import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { bitcoinmagazine } from './index';

conformance(bitcoinmagazine, fixtures);
