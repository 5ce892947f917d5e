import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethplorer } from './index';

conformance(ethplorer, fixtures);
