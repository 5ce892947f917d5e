import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { ethereumPublicnode } from './index';

conformance(ethereumPublicnode, fixtures);
