"""The demo: real figures from the seed reports and the published DTI, plus labelled simulations."""
