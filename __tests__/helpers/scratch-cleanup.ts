// Loaded after the test framework in every test file (jest.config.js setupFilesAfterEnv).
import { removeScratch } from './scratch.js'

afterAll(removeScratch)
