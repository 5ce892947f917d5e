import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { arbitrumPublicnode } from './index';

conformance(arbitrumPublicnode, fixtures);
