import { conformance } from '../../testing/conformance';
import { fixtures } from './fixtures';
import { polygonPublicnode } from './index';

conformance(polygonPublicnode, fixtures);
