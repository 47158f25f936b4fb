"""Support scoring for the check stage: does a curriculum passage state what a lesson sentence says?"""
