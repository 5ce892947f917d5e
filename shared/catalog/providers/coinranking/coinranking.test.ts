import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { coinranking } from './index';

conformance(coinranking, fixtures);
