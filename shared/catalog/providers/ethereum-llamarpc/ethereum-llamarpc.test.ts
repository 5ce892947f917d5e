import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethereumLlamarpc } from './index';

conformance(ethereumLlamarpc, fixtures);
