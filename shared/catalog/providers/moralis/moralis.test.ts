import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { moralis } from './index';

conformance(moralis, fixtures);
