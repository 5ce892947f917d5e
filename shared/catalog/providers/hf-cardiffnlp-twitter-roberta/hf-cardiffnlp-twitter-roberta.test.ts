import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { hfCardiffnlpTwitterRoberta } from './index';

conformance(hfCardiffnlpTwitterRoberta, fixtures);
