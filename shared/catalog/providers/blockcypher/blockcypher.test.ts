import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { blockcypher } from './index';

conformance(blockcypher, fixtures);
